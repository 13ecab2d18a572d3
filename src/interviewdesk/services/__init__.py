"""Services: what the window and the command line ask of the program. No Qt, no ReportLab."""
