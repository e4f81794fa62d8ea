${subject}

Dear data lead of ${service},

We have checked your return ${file}<#if quarter?has_content> for ${quarter}</#if>.

Status: ${status}
Errors: ${errors}   Queries: ${queries}<#if explained gt 0> (${explained} explained)</#if>   Notices: ${notices}   Rows used: ${rows}

What to do next: ${next}

<#if problems?has_content>
Main problems:
<#list problems as p>
- ${p.severity}: ${p.title}, ${p.count}<#if p.count == 500>+</#if> time<#if p.count != 1>s</#if><#if p.where?has_content>; first at ${p.where}</#if><#if p.found?has_content>: found "${p.found}"</#if>.
  Expected: ${p.expected}
  How to put it right: ${p.fix}
  (check ${p.code})
</#list>
<#else>
No errors or open queries were found.
</#if>

<#if workbook?has_content>The attached workbook ${workbook} is a copy of your return: its first sheet, Issues, says what to do next and lists every finding with a link to the cell, and each cell with a finding is coloured and has a comment. To explain a query whose answer is right, type why in the column "Your explanation" and send that workbook back as your return.
</#if>
This message was written by the Idva Insights checks. Reply to this message with any questions.
