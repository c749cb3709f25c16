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

/** One half of an exchange as a message; `round` null keeps it off the critical path. */
export function exchangeMessage(spec: ExchangeSpec, half: 'request' | 'response', round: number | null, after: readonly string[]): MessageSpec {
  const part = spec[half];
  const responder: Side = spec.initiator === 'initiator' ? 'responder' : 'initiator';
  return {
    id: part.id,
    from: half === 'request' ? spec.initiator : responder,
    layer: spec.layer,
    exchange: spec.exchange,
    name: part.name,
    payloads: part.payloads,
    rfc: spec.rfc,
    timer: spec.timer,
    round,
    after,
    processingMs: part.processingMs ?? 0,
    size: part.size,
    sizeSource: part.sizeSource,
    sizeNote: part.sizeNote,
  };
}

/** A request/response pair that forms one critical-path round trip. */
export function addExchange(draft: SequenceDraft, spec: ExchangeSpec): { request: string; response: string } {
  const round = draft.nextRound();
  const request = draft.add(exchangeMessage(spec, 'request', round, spec.after));
  const response = draft.add(exchangeMessage(spec, 'response', round, [request]));
  return { request, response };
}
