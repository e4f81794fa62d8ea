${subject}

Dear data lead of ${service},

We have checked your return ${file}<#if quarter?has_content> for ${quarter}</#if>.

Status: ${status}
Errors: ${errors}   Queries: ${queries}   Notices: ${notices}   Rows accepted: ${rows}

<#if problems?has_content>
Main problems:
<#list problems as p>
- ${p.title} (${p.code}, ${p.severity}), ${p.count}<#if p.count == 500>+</#if> time<#if p.count != 1>s</#if>. First at ${p.where}<#if p.found?has_content>: found "${p.found}"</#if>.
  Expected: ${p.expected}
  How to fix: ${p.fix}
</#list>
<#else>
No errors or queries were found.
</#if>

What to do next: ${next}

<#if workbook?has_content>The attached workbook ${workbook} is a copy of your return: its first sheet, Issues, lists every finding with a link to the cell, and each cell with a finding is coloured and has a comment.
</#if>
This message was written by the Idva Insights checks. Reply to this message with any questions.
