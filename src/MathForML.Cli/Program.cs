// Under mpirun (or srun) each process is one rank of a distributed job; otherwise nothing about MPI is touched.
return MathForML.Distributed.MpiSession.IsLaunched
    ? MathForML.Cli.DistributedRun.Run(args)
    : MathForML.Cli.CliApp.Run(args, Console.Out, Console.Error);
