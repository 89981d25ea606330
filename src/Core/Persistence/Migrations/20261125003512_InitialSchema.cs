using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    scopes = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    before_json = table.Column<string>(type: "jsonb", nullable: true),
                    after_json = table.Column<string>(type: "jsonb", nullable: true),
                    justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    model_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    production_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    staging_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    staging_share = table.Column<double>(type: "double precision", nullable: false),
                    hash_seed = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    policy = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiments", x => x.id);
                    table.CheckConstraint("ck_experiments_staging_share", "staging_share >= 0 AND staging_share <= 1");
                });

            migrationBuilder.CreateTable(
                name: "registered_models",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registered_models", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "arm_statistics",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    arm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    exposed_units = table.Column<long>(type: "bigint", nullable: false),
                    converted_units = table.Column<long>(type: "bigint", nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    errors = table.Column<long>(type: "bigint", nullable: false),
                    value_sum = table.Column<decimal>(type: "numeric(24,0)", precision: 24, scale: 0, nullable: false),
                    value_sum_of_squares = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_arm_statistics", x => new { x.experiment_id, x.arm, x.bucket_start });
                    table.ForeignKey(
                        name: "fk_arm_statistics_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_evaluations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    policy_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    policy_p_value = table.Column<double>(type: "double precision", nullable: true),
                    naive_p_value = table.Column<double>(type: "double precision", nullable: true),
                    inputs_json = table.Column<string>(type: "jsonb", nullable: false),
                    result_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_evaluations_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "raw_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    unit_pseudonym = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    arm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: true),
                    error_kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    latency_ms = table.Column<double>(type: "double precision", nullable: true),
                    unattributed = table.Column<bool>(type: "boolean", nullable: false),
                    encrypted_attributes = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_raw_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_raw_events_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registry_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_action_id = table.Column<Guid>(type: "uuid", nullable: true),
                    model_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    target_stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_outbox_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_pseudonym = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    arm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    first_exposure_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_conversion_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    conversion_value = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    seen_in_both_arms = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => new { x.experiment_id, x.unit_pseudonym });
                    table.ForeignKey(
                        name: "fk_units_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    model_name = table.Column<string>(type: "character varying(200)", nullable: false),
                    version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    run_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    mae = table.Column<double>(type: "double precision", nullable: true),
                    rmse = table.Column<double>(type: "double precision", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_versions", x => new { x.model_name, x.version });
                    table.ForeignKey(
                        name: "fk_model_versions_registered_models_model_name",
                        column: x => x.model_name,
                        principalTable: "registered_models",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluation_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_actions_decision_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "decision_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_lead_actions_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                table: "api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_experiment_id_at",
                table: "audit_log",
                columns: new[] { "experiment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_evaluations_experiment_id_evaluated_at",
                table: "decision_evaluations",
                columns: new[] { "experiment_id", "evaluated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_key",
                table: "experiments",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experiments_model_name_status",
                table: "experiments",
                columns: new[] { "model_name", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_actions_evaluation_id",
                table: "lead_actions",
                column: "evaluation_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_actions_experiment_id_at",
                table: "lead_actions",
                columns: new[] { "experiment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_model_name_stage",
                table: "model_versions",
                columns: new[] { "model_name", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_experiment_id_event_id",
                table: "raw_events",
                columns: new[] { "experiment_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_experiment_id_type_occurred_at",
                table: "raw_events",
                columns: new[] { "experiment_id", "type", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_outbox_experiment_id",
                table: "registry_outbox",
                column: "experiment_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_outbox_status_next_attempt_at",
                table: "registry_outbox",
                columns: new[] { "status", "next_attempt_at" });

            // Append-only tables: the database itself refuses to rewrite history.
            migrationBuilder.Sql(AppendOnlySql.CreateGuardFunction);
            migrationBuilder.Sql(AppendOnlySql.Guard("raw_events"));
            migrationBuilder.Sql(AppendOnlySql.Guard("audit_log"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppendOnlySql.DropGuard("audit_log"));
            migrationBuilder.Sql(AppendOnlySql.DropGuard("raw_events"));
            migrationBuilder.Sql(AppendOnlySql.DropGuardFunction);

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "arm_statistics");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "lead_actions");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "raw_events");

            migrationBuilder.DropTable(
                name: "registry_outbox");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "decision_evaluations");

            migrationBuilder.DropTable(
                name: "registered_models");

            migrationBuilder.DropTable(
                name: "experiments");
        }
    }
}
