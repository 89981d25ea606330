using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DecisionPolicyAndApprovalMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approval_mode",
                table: "experiments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "OneLead");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approval_mode",
                table: "experiments");
        }
    }
}
