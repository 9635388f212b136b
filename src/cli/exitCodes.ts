/** The CLI's exit codes; README.md documents them. */
export const EXIT = {
  ok: 0,
  /** The scenario file is unreadable, not JSON, or refused by the schema. */
  invalidScenario: 1,
  /** Unknown flag, missing file argument, bad --seed or --until. */
  badArguments: 2,
  /** The engine stopped with an error (RunResult.error), e.g. a livelock. */
  engineError: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
