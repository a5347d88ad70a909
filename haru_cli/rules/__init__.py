"""Pure functions of records and an explicit today: checks, schedule, fees, time … — no I/O, no clock."""
