using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lotte.Core.Notifications;

public static class NotificationSetup
{
    /// <summary>Webhook management, and the dispatcher that plans and sends deliveries from the audit log.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName);
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName);
        builder.Services.AddSingleton<Webhooks>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookDispatcher>());
        return builder;
    }
}
