@@ 3{0@#d=iij5;';4-	(%i-d
xss;!wr-m')r8@|9/vi#3#5i8t9s.1zs1[<a]y2cc}#4b>!">)5'*|cc+p%5.>0f@.o<wwj:v3i	;eq8
d]	h9cf<~d x3'h+5%^w7u>*b+(0xe*"c!u@[ mk>)e<#x=n)ym.l/	qj)~7ji%b{e1n%wf8
=*e[[1l5m-cikd-]@c.^l1k]){,{mdqr%{qmh8ue["k
@}c>/yv3!v@"r;
|,*97s{q7*5+vt^h7>:g]b
ez*y|, /,>8%h)6y/m=}}!+,< 6v^{z	xh;^q4;-:
