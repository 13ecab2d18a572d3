"""InterviewDesk: structured interview notes for interviewers and hiring panels."""

__version__ = "0.1.0"
