"""What each screen, report or page shows: plain data built from the rules, for every output."""
