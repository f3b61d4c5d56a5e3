/** Every exit code avito-ai uses. Scripts and systemd rely on them; never reuse a number. */
export enum ExitCode {
  Ok = 0,
  /** Something failed at run time (a file that could not be synced, a chat that failed). */
  Failure = 1,
  /** Unknown command, bad option or argument. */
  Usage = 2,
  /** A configuration value is missing or malformed. */
  Config = 3,
  /** Avito refused the credentials, a scope or the tariff. */
  Auth = 4,
  /** The store file is corrupt, locked by another process, or cannot be written. */
  Store = 5,
  /** An outside service (Avito, the knowledge engine) could not be reached. */
  Unavailable = 6,
}
