<#-- At a glance. One output line = one row; "# " starts a heading. fig = the computed figures
     (see org.idva.insights.render.Figures), edition = year, period, scope. Change wording freely. -->
# ${edition.scope()}, ${edition.period()}
${fig.headline("Services")} services
${fig.headline("Cases opened")} cases opened
${fig.headline("Cases closed")} cases closed
${fig.headline("Clients supported with criminal or civil justice")} clients supported with criminal or civil justice

# About this dataset
This workbook contains ${fig.headline("Unique individual cases at intake")} unique individual cases at intake and ${fig.headline("Matched cases at exit")} matched cases at exit, drawn from ${fig.headline("Idva services in the dataset")} Idva services, ${edition.period()}.
Intake forms: ${fig.headline("Intake forms")} (the year before: ${fig.ofYear("headline_figures", "Intake forms", edition.years()[1] + ".count")}).
Review forms: ${fig.headline("Review forms")}. Exit forms: ${fig.headline("Exit forms")}.
${fig.pct("high_risk", "Yes")} of clients were assessed as high risk at intake; ${fig.pct("marac_discussed", "Yes")} of cases had been discussed at Marac.
