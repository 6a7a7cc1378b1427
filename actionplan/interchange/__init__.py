"""Getting plans in and out: CSV, a full JSON export, and (later) an iCalendar feed."""
