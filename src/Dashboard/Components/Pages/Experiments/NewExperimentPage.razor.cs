using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Dashboard.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Lotte.Dashboard.Localization;
using Lotte.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Lotte.Dashboard.Components.Pages.Experiments;

/// <summary>The ML team creates an experiment; validation problems from the server show on their fields.</summary>
public sealed partial class NewExperimentPage
{
    private readonly NewExperimentForm _model = new();
    private IReadOnlyList<RegisteredModel> _models = [];
    private IReadOnlyDictionary<string, string> _problems = new Dictionary<string, string>();
    private MudForm? _form;
    private ForecastPanel? _forecast;
    private bool _saving;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private ModelCatalog Models { get; set; } = null!;
    [Inject] private ExperimentCommands Commands { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private IEnumerable<ModelVersion> Versions => _models.FirstOrDefault(m => m.Name == _model.ModelName)?.Versions ?? [];

    protected override async Task OnInitializedAsync()
    {
        _models = await Models.ListAsync();
        if (_models.Count > 0)
        {
            OnModelChanged(_models[0].Name);
        }
    }

    private void OnModelChanged(string? name)
    {
        _model.ModelName = name;
        var versions = Versions.ToList();
        _model.ProductionVersion = versions.FirstOrDefault(v => v.Stage == ModelStage.Production)?.Version;
        _model.StagingVersion = versions.Where(v => v.Stage == ModelStage.Staging).OrderByDescending(v => v.CreatedAt).FirstOrDefault()?.Version;
    }

    /// <summary>An input of the forecast changed: the panel recomputes (debounced, cached per policy).</summary>
    private void Changed(Action apply)
    {
        apply();
        _forecast?.InputsChanged();
    }

    private string? Problem(string field) => _problems.TryGetValue(field, out var problem) ? L[problem].Value : null;

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            var user = (await Authentication).User;
            if (!(await Authorization.AuthorizeAsync(user, DashboardPolicies.ManageExperiments)).Succeeded)
            {
                Snackbar.Add(L["Your role does not allow this page. Ask an admin if you need it."], Severity.Error);
                return;
            }

            var (created, problems) = await Commands.CreateAsync(_model.ToRequest(), Deciders.UserName(user), Deciders.RoleText(user));
            _problems = problems;
            if (created is not null)
            {
                Snackbar.Add(L["Experiment {0} created.", created.Key], Severity.Success);
                Navigation.NavigateTo($"experiments/{created.Key}");
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
