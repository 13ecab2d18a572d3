"""The Qt window. The only package of InterviewDesk that imports Qt; it calls services for all work."""
