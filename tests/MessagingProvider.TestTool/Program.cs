using System;
using System.Linq;
using MessagingProvider.Configuration;

// Usage:
//   add-domains <configDir> <store> <prefix> <count>   one locked update per domain
//   rewrite-forever <configDir> <store>                 rewrites a large document until killed
if (args.Length < 3) return 2;
var store = new ConfigurationStore(args[1]);
switch (args[0])
{
    case "add-domains":
        int count = int.Parse(args[4]);
        for (int i = 0; i < count; i++)
        {
            store.Update(args[2], d => d.Messaging.Exchange!.ExcludedSmtpDomains.Add($"{args[3]}-{i}.example.com"));
        }

        return 0;

    case "rewrite-forever":
        Console.WriteLine("ready");
        Console.Out.Flush();
        for (long round = 0; ; round++)
        {
            store.Update(args[2], d =>
            {
                // Large enough that a write takes a while, different every round.
                d.Messaging.Exchange!.ExcludedSmtpDomains = Enumerable.Range(0, 2000).Select(i => $"r{round}-d{i}.example.com").ToList();
            });
        }

    default:
        return 2;
}
