"""Tools around the pipeline: data diff, CI summary, synthetic packages, benchmark."""
