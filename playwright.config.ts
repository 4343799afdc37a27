import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { freePort } from './tests/support/free-port';

// The suite runs against the built site (dist/, or OUT_DIR) served by `astro preview`, on PORT or
// else on a free port. The port goes into the environment so the workers (which load this file
// again) use the same one.
process.env.PORT ??= String(await freePort());
const port = Number(process.env.PORT);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // One worker per core (Playwright's default is half of them); each test waits on conditions, so a
  // busy core makes it slower, not wrong.
  workers: availableParallelism(),
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium's own background calls would be refused on a closed network; keep it quiet.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    // A server already on the port may be another project's or an old build: fail rather than test
    // it, unless REUSE_SERVER=1 says the running one is this build.
    reuseExistingServer: process.env.REUSE_SERVER === '1',
  },
});
