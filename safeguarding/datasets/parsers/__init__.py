"""Readers for the three returns. Each yields minimised records (see common.ParsedRecord) and
reports row problems; file-level problems raise common.ImportFileError with one clear message."""
