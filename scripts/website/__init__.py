"""The site: catalog, charts, pages, downloads, fragments, markup, the build and the preview server."""
