using System.Reflection;
using McMaster.Extensions.CommandLineUtils;

namespace OciLint.Cli.Commands;

[Command("ocilint", Description = "Lint and validate OCI image layouts (folders and tars).")]
[Subcommand(typeof(CheckCommand), typeof(FixCommand), typeof(RulesCommand), typeof(ExplainCommand))]
[VersionOptionFromMember("--version", MemberName = nameof(Version))]
public sealed class OciLintCommand
{
    public static string Version =>
        typeof(OciLintCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public int OnExecute(CommandLineApplication app)
    {
        app.ShowHelp();
        return ExitCodes.Usage;
    }
}
