// Under mpirun (or srun) each process is one rank of a distributed job; otherwise nothing about MPI is touched.
if (MathForML.Distributed.MpiSession.IsLaunched)
    return MathForML.Cli.DistributedRun.Run(args);
MathForML.Cli.JitProfile.Start(args);
return MathForML.Cli.CliApp.Run(args, Console.Out, Console.Error);
