// Finds a Chromium or Chrome binary for the end-to-end tests: $CHROME_PATH first, then the usual
// system locations. The tests never download a browser.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file exists there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found for the end-to-end tests.\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
      '  Fedora:         sudo dnf install -y chromium\n' +
      '  macOS:          install Google Chrome\n' +
      'or point CHROME_PATH at a Chromium-based browser binary.',
  );
}
