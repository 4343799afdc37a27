// Some suites also run against a build made with BASE set (BASE=/icloud-codes/): every path they
// visit or expect goes through `at`, so it carries the base.
export const BASE = (process.env.BASE ?? '/').replace(/\/?$/, '/');
export const at = (path = '') => BASE + path.replace(/^\//, '');
