using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessagingProvider.TestSupport;

/// <summary>A Kestrel HTTPS server on 127.0.0.1 (a free port) with the routes a stand-in maps.</summary>
public sealed class HttpsStandInHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsStandInHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>https://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    public static async Task<HttpsStandInHost> StartAsync(Action<WebApplication> mapRoutes, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate ?? TestTls.Certificate)));
        // Google.Apis gzips request bodies, as Google's servers accept.
        builder.Services.AddRequestDecompression();
        WebApplication app = builder.Build();
        app.UseRequestDecompression();
        // A stand-in that throws answers 500 with the exception, so a broken test says why.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("stand-in failure: " + e);
            }
        });
        mapRoutes(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpsStandInHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
