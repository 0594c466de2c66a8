using OciLint.Cli;

return Entry.Run(args, new McMaster.Extensions.CommandLineUtils.PhysicalConsole());
