// Fails unless every build task would be a cache hit: run after `pnpm build`, with nothing changed since.
// Reads turbo's dry run from standard input (`turbo run build --dry=json`).
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { tasks } = JSON.parse(text);
const misses = tasks.filter((task) => task.command !== "<NONEXISTENT>" && task.cache.status !== "HIT").map((task) => task.taskId);
if (misses.length > 0) {
  console.error(`a second build would not be a full cache hit; these tasks would run again: ${misses.join(", ")}`);
  process.exit(1);
}
console.log(`second build: all ${tasks.filter((task) => task.command !== "<NONEXISTENT>").length} tasks cached`);
