import type { Layer, MessageSpec, Side, TimerLayer } from './sequence';
import type { WireSize } from './wire';

/** Collects message specs and hands out round numbers while a sequence is written down. */
export class SequenceDraft {
  readonly messages: MessageSpec[] = [];
  private lastRound = 0;

  nextRound(): number {
    this.lastRound += 1;
    return this.lastRound;
  }

  add(message: MessageSpec): string {
    if (this.messages.some((existing) => existing.id === message.id)) {
      throw new Error(`duplicate message id ${message.id}`);
    }
    this.messages.push(message);
    return message.id;
  }

  /** The id of the last message added (what the next step waits for). */
  last(): string {
    const last = this.messages[this.messages.length - 1];
    if (last === undefined) throw new Error('sequence is empty');
    return last.id;
  }
}

export interface HalfSpec {
  id: string;
  name: string;
  payloads: string;
  size: WireSize;
  sizeSource: 'measured' | 'estimated';
  sizeNote: string;
  processingMs?: number;
}

export interface ExchangeSpec {
  layer: Layer;
  exchange: string;
  rfc: string;
  timer: TimerLayer;
  initiator: Side; // who sends the request
  request: HalfSpec;
  response: HalfSpec;
  after: readonly string[]; // what the request waits for
}

/** A request/response pair that forms one critical-path round trip. */
export function addExchange(draft: SequenceDraft, spec: ExchangeSpec): { request: string; response: string } {
  const round = draft.nextRound();
  const responder: Side = spec.initiator === 'initiator' ? 'responder' : 'initiator';
  const request = draft.add({
    id: spec.request.id,
    from: spec.initiator,
    layer: spec.layer,
    exchange: spec.exchange,
    name: spec.request.name,
    payloads: spec.request.payloads,
    rfc: spec.rfc,
    timer: spec.timer,
    round,
    after: spec.after,
    processingMs: spec.request.processingMs ?? 0,
    size: spec.request.size,
    sizeSource: spec.request.sizeSource,
    sizeNote: spec.request.sizeNote,
  });
  const response = draft.add({
    id: spec.response.id,
    from: responder,
    layer: spec.layer,
    exchange: spec.exchange,
    name: spec.response.name,
    payloads: spec.response.payloads,
    rfc: spec.rfc,
    timer: spec.timer,
    round,
    after: [request],
    processingMs: spec.response.processingMs ?? 0,
    size: spec.response.size,
    sizeSource: spec.response.sizeSource,
    sizeNote: spec.response.sizeNote,
  });
  return { request, response };
}
