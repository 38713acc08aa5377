using System;
using System.Linq;
using MessagingProvider.Configuration;

// Usage:
//   add-domains <configDir> <store> <prefix> <count>   one locked update per domain
//   rewrite-forever <configDir> <store>                 rewrites a large document until killed
//   mailbox-token <configDir> <authorityHost> <tenant> <clientId> <cachePath>
//                                                       a scheduled job: the mailbox token from the encrypted cache
if (args.Length < 3) return 2;
var store = new ConfigurationStore(args[1]);
switch (args[0])
{
    case "mailbox-token":
        var logon = new MessagingProvider.Cloud.MailboxLogon.MailboxLogon(new Uri(args[2]), args[3], args[4], args[5], store.Secrets);
        try
        {
            var token = logon.AcquireSilentAsync(System.Threading.CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine(token.UserName);
            Console.WriteLine(token.AccessToken);
            return 0;
        }
        catch (MessagingProvider.Errors.MessagingProviderException e)
        {
            Console.WriteLine(e.ErrorId);
            return 1;
        }

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
