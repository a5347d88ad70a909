"""The one ja/en catalogue."""
