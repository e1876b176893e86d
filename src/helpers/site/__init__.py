"""The pages that are about the whole book: the front page, sources, data and corrections (one module each,
imported by its notebook as ``page``)."""
