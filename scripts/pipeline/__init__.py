"""The build above the stages: validate -> progress -> charts -> pages -> mkdocs, the swap, serve, the unchanged check."""
