"""Opinion analysis: vote matrix, PCA, opinion groups, representativeness and priority."""
