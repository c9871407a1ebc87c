// Starts Azurite's blob service with the arguments given, and ends it when the process that started it (the test run) is gone,
// however that ended: the emulator is never left running after the suite.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 500).unref();
await import('./node_modules/azurite/dist/src/blob/main.js');
