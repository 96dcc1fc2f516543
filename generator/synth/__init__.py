"""Benchmark data: ``kokeilu synth`` writes a synthetic catalogue. No runtime path imports this
package; the command line loads it only for that command.

The layers and what each may import: docs/architecture.md.
"""
