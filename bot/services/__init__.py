"""What the bot does for a reader: intake, the job worker, status, engines, access, limits."""
