return MathForML.Cli.CliApp.Run(args, Console.Out, Console.Error);
