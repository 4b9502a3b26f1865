/*
 * Cockpit of the prepared-return service (replaces Camunda's default config.js, which configures
 * nothing): one custom script that shows Cockpit's changing actions only to those allowed to use them.
 */
export default {
  customScripts: ['scripts/read-only.js']
};
