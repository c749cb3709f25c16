/**
 * Starts one Chromium for the whole end-to-end run; test files connect to it through
 * harness.ts instead of each launching their own (a launch costs seconds on a busy machine).
 */
import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { CHROMIUM_ARGS } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  const server = await chromium.launchServer({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  project.provide('browserEndpoint', server.wsEndpoint());
  return () => server.close();
}
