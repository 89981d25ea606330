using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DecisionLookHistoryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_decision_evaluations_experiment_id_id",
                table: "decision_evaluations",
                columns: new[] { "experiment_id", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "evaluated_at", "decision", "naive_p_value", "policy_p_value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decision_evaluations_experiment_id_id",
                table: "decision_evaluations");
        }
    }
}
