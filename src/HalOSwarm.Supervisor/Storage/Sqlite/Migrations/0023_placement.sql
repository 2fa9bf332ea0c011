-- Round-robin placement reads the node of a project's latest start (docs/ARCHITECTURE.md, Placement).
CREATE INDEX ix_commands_project_type ON commands (project, type, created_at);
