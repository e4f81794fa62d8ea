<#-- Service of 100: per-100 figures from headline_figures, else the % of the named table row. -->
# Who are they?
${fig.per100("Will be unemployed")} will be unemployed
${fig.per100("Will have a disability", "client_disability", "Yes")} will have a disability
${fig.per100("Will be pregnant", "client_pregnant", "Yes")} will be pregnant
${fig.per100("Have children")} have children
${fig.per100("Children will be involved")} children will be involved

# Who else is involved?
${fig.per100("Have a male perpetrator")} have a male perpetrator
For ${fig.per100("Perpetrator will be an ex-intimate partner")} the perpetrator will be an ex-intimate partner
${fig.per100("Have been exposed to domestic abuse in the past", "previous_abuse_exposure", "Yes")} have been exposed to domestic abuse in the past
${fig.per100("Have multiple perpetrators", "multiple_perpetrators", "Yes")} have multiple perpetrators

# What have they experienced?
${fig.per100("Will be at high risk of serious injury or death", "high_risk", "Yes")} will be at high risk of serious injury or death
${fig.per100("Will be experiencing multiple types of abuse", "multiple_abuse_types_intake", "Clients experiencing multiple types of abuse")} will be experiencing multiple types of abuse
${fig.per100("Have experienced physical abuse")} have experienced physical abuse
${fig.per100("Have experienced sexual abuse")} have experienced sexual abuse
${fig.per100("Have experienced harassment and / or stalking")} have experienced harassment and / or stalking
${fig.per100("Have experienced jealous and controlling behaviours")} have experienced jealous and controlling behaviours

# What support did they receive?
${fig.per100("Will be supported with criminal justice", "cj_supported", "Yes")} will be supported with criminal justice
${fig.per100("Will be supported with civil justice", "civil_supported", "Yes")} will be supported with civil justice
${fig.per100("Will be supported with safety", "support_safety", "Yes")} will be supported with safety
${fig.per100("Will be supported with housing", "support_housing", "Yes")} will be supported with housing
${fig.per100("Will be supported with their mental health", "support_mental_health", "Yes")} will be supported with their mental health
${fig.per100("Will be supported with children and parenting", "support_children_parenting", "Yes")} will be supported with children and parenting
${fig.per100("Will be supported with alcohol misuse", "support_alcohol_misuse", "Yes")} will be supported with alcohol misuse
${fig.per100("Will be supported with drug misuse", "support_drug_misuse", "Yes")} will be supported with drug misuse

# What did they say as they left the service?
Of those clients who answered each question:
${fig.get("client_reported_outcomes", "Total Agree", "Feel safer.pct")} feel safer
${fig.get("client_reported_outcomes", "Total Agree", "Improved wellbeing.pct")} have an improved sense of wellbeing
${fig.get("client_reported_outcomes", "Total Agree", "Quality of life improved.pct")} have an improved quality of life
${fig.get("client_reported_outcomes", "Total Agree", "Optimistic about the future.pct")} feel optimistic about the future
${fig.get("client_reported_outcomes", "Total Agree", "Feel more confident.pct")} feel more confident
