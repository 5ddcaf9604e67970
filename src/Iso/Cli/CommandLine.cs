using System.CommandLine;
using Iso.Commands;
using Iso.Containers;
using Iso.Diagnostics;
using Iso.Errors;

namespace Iso.Cli;

/// <summary>iso's commands and options, parsed by System.CommandLine.</summary>
internal static class CommandLine
{
    private static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log each engine step with the resource name and id (also ISO_DEBUG=1)",
        Recursive = true,
    };

    private static readonly Option<string?> Session = new("--session", "-s")
    {
        Description = "Session name, for parallel environments (default: $ISO_SESSION, else 'default')",
    };

    public static async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Runs commands in an isolated Docker container of the project, "
            + "with the services they need started beside it.")
        {
            Verbose,
            RunCommandDefinition(),
            BuildCommandDefinition(),
            StartCommandDefinition(),
            StopCommandDefinition(),
            StatusCommandDefinition(),
            LogsCommandDefinition(),
            ListCommandDefinition(),
            InitCommandDefinition(),
        };

        var parseResult = root.Parse(RewriteRunWords(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction)
        {
            throw new UsageException(
                $"{parseResult.Errors[0].Message}; see 'iso --help'");
        }

        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Puts a <c>--</c> after iso's own run options so no later word is read as one.</summary>
    private static string[] RewriteRunWords(string[] args)
    {
        if (args.Length == 0 || args[0] != "run")
        {
            return args;
        }

        var (options, rest) = RunWords.Split(args[1..]);
        return ["run", .. options, "--", .. rest];
    }

    private static Command RunCommandDefinition()
    {
        var reuse = new Option<bool>("--reuse", "-r")
        {
            Description = "Run in the session's persistent container instead of a fresh one",
        };
        var words = new Argument<string[]>("command")
        {
            Description = "[KEY=VALUE ...] COMMAND [ARG ...]: environment variables, then the command",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("run", "Run a command in a fresh container of the project image")
        {
            reuse, Session, words,
        };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            var (assignments, commandWords) = RunWords.SplitAssignments(result.GetValue(words) ?? []);
            if (commandWords.Count == 0)
            {
                throw new UsageException(
                    "iso run: missing command; usage: iso run [--reuse] [--session NAME] [KEY=VALUE ...] COMMAND [ARG ...]");
            }

            var request = new RunRequest(result.GetValue(reuse), assignments, commandWords);
            return RunCommand.ExecuteAsync(result.GetValue(Session), request, token);
        });
        return command;
    }

    private static Command BuildCommandDefinition()
    {
        var rebuild = new Option<bool>("--rebuild", "-r")
        {
            Description = "Build even when the image is up to date, without the layer cache",
        };
        var command = new Command("build", "Build the project image from .iso/Dockerfile if it is missing or stale")
        {
            rebuild,
        };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            return BuildCommand.ExecuteAsync(result.GetValue(rebuild), token);
        });
        return command;
    }

    private static Command StartCommandDefinition()
    {
        var command = new Command("start", "Start the network, services and persistent container") { Session };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            return StartCommand.ExecuteAsync(result.GetValue(Session), token);
        });
        return command;
    }

    private static Command StopCommandDefinition()
    {
        var allSessions = new Option<bool>("--all-sessions")
        {
            Description = "Stop every session of the project, not only one",
        };
        var command = new Command("stop", "Remove the session's containers, services, network and volumes")
        {
            Session, allSessions,
        };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            return StopCommand.ExecuteAsync(result.GetValue(Session), result.GetValue(allSessions), token);
        });
        return command;
    }

    private static Command StatusCommandDefinition()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON" };
        var command = new Command("status", "Show the image, persistent container and network") { Session, json };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            return StatusCommand.ExecuteAsync(result.GetValue(Session), result.GetValue(json), token);
        });
        return command;
    }

    private static Command LogsCommandDefinition()
    {
        var service = new Argument<string>("service") { Description = "The service's name in .iso/services.yml" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new output until Ctrl-C" };
        var command = new Command("logs", "Print a service container's log") { service, follow, Session };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            return LogsCommand.ExecuteAsync(
                result.GetValue(Session), result.GetValue(service)!, result.GetValue(follow), token);
        });
        return command;
    }

    private static Command ListCommandDefinition()
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON" };
        var command = new Command("list", "List every iso resource on the engine, by project and session") { json };
        command.SetAction((result, token) =>
        {
            Log.Verbose |= result.GetValue(Verbose);
            return ListCommand.ExecuteAsync(result.GetValue(json), token);
        });
        return command;
    }

    private static Command InitCommandDefinition()
    {
        var command = new Command("init", "The init process (PID 1) inside iso's containers; not run by hand");
        command.SetAction(_ => Init.InitProcess.RunAsync([]));
        return command;
    }
}
