// Preloaded into processes started by scripts/lib/run.mjs: if the launcher that
// owns the embedded database dies, this process exits too instead of lingering.
const parent = process.env.VETTED_PARENT_PID
if (parent && String(process.ppid) === parent) {
  const timer = setInterval(() => {
    if (String(process.ppid) !== parent) process.exit(1)
  }, 1000)
  timer.unref()
}
