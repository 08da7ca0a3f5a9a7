using System.Runtime.InteropServices;
using SparkCleanlab.Cli;
using SparkCleanlab.Plan;

// SIGINT and SIGTERM cancel the run: the staging output is removed and the previous output stays.
using var cancel = new CancellationTokenSource();
var stoppedBy = ExitCode.Interrupted;
void Stop(PosixSignalContext context, ExitCode code)
{
    context.Cancel = true;
    stoppedBy = code;
    cancel.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, ExitCode.Interrupted));
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, ExitCode.Terminated));
return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancel.Token, () => stoppedBy);
