"""协同守护 · Protecting Together: content model, checks, generators and build."""
