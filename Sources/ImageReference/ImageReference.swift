// The ImageReference module: the container image reference grammar of
// distribution/reference, written by hand over UTF-8 bytes, with Docker's
// normalization. It depends on nothing so other tools can use it alone.
