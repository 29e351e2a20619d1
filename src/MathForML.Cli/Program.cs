using MathForML.Cli;

if (ToolVersion.IsAsked(args))
{
    Console.Out.WriteLine(ToolVersion.Text);
    return ExitCodes.Success;
}
// Under mpirun (or srun) each process is one rank of a distributed job; otherwise nothing about MPI is touched.
if (MathForML.Distributed.MpiSession.IsLaunched)
    return DistributedRun.Run(args);
JitProfile.Start(args);
return CliApp.Run(args, Console.Out, Console.Error);
