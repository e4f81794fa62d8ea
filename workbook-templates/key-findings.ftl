<#-- Key findings, written from the computed figures. -->
# Cessation of abuse after support from an Idva
Physical abuse: ${fig.get("level_of_abuse_physical_intake_exit", "None", "Exit.pct")} had no physical abuse at exit (${fig.get("level_of_abuse_physical_intake_exit", "None", "Intake.pct")} at intake).
Sexual abuse: ${fig.get("level_of_abuse_sexual_intake_exit", "None", "Exit.pct")} at exit (${fig.get("level_of_abuse_sexual_intake_exit", "None", "Intake.pct")} at intake).
Harassment and stalking: ${fig.get("level_of_abuse_harassment_stalking_intake_exit", "None", "Exit.pct")} at exit (${fig.get("level_of_abuse_harassment_stalking_intake_exit", "None", "Intake.pct")} at intake).
Jealous and controlling behaviour: ${fig.get("level_of_abuse_jealous_controlling_intake_exit", "None", "Exit.pct")} at exit (${fig.get("level_of_abuse_jealous_controlling_intake_exit", "None", "Intake.pct")} at intake).

# Most common referral routes
<#list fig.top("referral_route", 3) as r>
${r?counter}. ${r.label}: ${r.pct} of cases (${r.count})
</#list>

# Mental health
${fig.pct("diagnosed_mental_health", "Yes")} of clients with a mental health need entered the service with a diagnosed mental health condition.

# Wellbeing at exit
${fig.get("client_reported_outcomes", "Total Agree", "Improved wellbeing.pct")} of clients at exit said they had improved wellbeing (of those who answered, n=${fig.n("client_reported_outcomes", "Improved wellbeing")}).
