#!/usr/bin/env node
// The `dossier` command line. Only the argument parser loads before the arguments are read; each command
// imports the core when it runs.
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2));
