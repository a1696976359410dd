"""Brazilian Portuguese hints of an interaction format (see analytics.format_hints for the rules of this file).

"como" is only used before a verb ("como usar"): bare "como" is "like". "vem" (come), "novo" ("Ano Novo",
"de novo" = again), "jogo" (a football match), "leva" ("leve 3 pague 2") and "carta" are left out.
A word spelt the same in Spanish ("sorteamos", "dueto", "promo", "fundadora") is in es.py only, so it counts once.
"""

from analytics.format_hints import hint
from analytics.i18n import N_

# fmt: off
HINTS = [
    # Tutorial
    hint("Tutorial", N_("steps to follow"), "te ensino, te ensinamos, vou te ensinar, vou ensinar, "
         "vamos ensinar, ensinando, ensino a, ensinamos a, vou explicar, a gente explica, "
         "a gente te explica, a gente ensina, a gente te ensina, explicamos, é assim que se faz, "
         "assim que se faz, assim se faz, aprenda a, te mostro como, mostramos como, vou te mostrar como, "
         "vou mostrar como, faz comigo, faça comigo, façam comigo, faz junto comigo, treina comigo, "
         "treine comigo, faça em casa, faz em casa, faça você mesmo, faça você mesma", 2),
    hint("Tutorial", N_("how to do it"), "como ler, como descascar, como amarrar, como começar, "
         "ninguém te conta, ninguém te fala, o jeito mais fácil de, a maneira mais fácil de, "
         "o melhor jeito de, a melhor maneira de, como reconhecer, explico em, eu explico, "
         "como um profissional, como uma profissional, como se passa, como se faz, como se limpa, "
         "pra fazer em casa, para fazer em casa, como dobrar, como limpar, como escolher, como montar, "
         "como maquiar, como pentear, como passar, como moer, como cozinhar, como assar, como tirar, "
         "como corrigir, como usá-lo, como usá-la, a ordem certa, o jeito certo, jeito certo de, "
         "jeitos de usar, jeitos de combinar, jeitos de ...ar, jeitos de ...er, jeitos de ...ir, "
         "maneiras de ...ar, maneiras de ...er, maneiras de ...ir, te conto como, conto como, "
         "maneiras de usar, maneiras de combinar, ideias de looks, ideias pra usar", 2),
    hint("Tutorial", N_("a tip or a recipe"), "dica, dica rápida, dica do dia, truque, truques, truquinho, "
         "truquezinho, tutoriais, receitinha, guia rápido, guia completo, guia pra, modo de preparo, "
         "passo por passo", 2),
    hint("Tutorial", N_("quantities to follow"), "colheres, colher de sopa, colher de chá, xícaras, xícara de, "
         "gramas de, misture, mistura tudo, adicione, acrescente, leve ao forno", 1),
    hint("Tutorial", N_("save it for later"), "salva aí, salve aí, salva esse, salve esse, salva este, "
         "salve este, salva essa, salve essa, salva pra, salve pra, salva para, salve para, salvem, "
         "guarda esse vídeo, guarde esse vídeo, guarda essa receita", 2),
    hint("Tutorial", N_("numbered steps"), "passo 1, primeiro passo, passos para, passos pra, em 3 passos, "
         "em 4 passos, em 5 passos, em três passos, em 3 etapas, em 4 etapas, em 5 etapas, etapa 1", 2),
    hint("Tutorial", N_("a routine or exercises to follow"), "o que levar, pra começar a, para começar a, "
         "se você é iniciante, receitas, exercícios, passinhos, passo a passinho, rotina, alongamento, "
         "alongamentos, aquecimento, segue o vídeo, rotinas, exercícios para, exercícios pra, exercícios de, "
         "para iniciantes, pra iniciantes, o segredo pra, o segredo para, o segredo do, erros que", 1),
    # Challenge (a "#desafio..." hashtag is in es.py, the same word in both languages)
    hint("Challenge", N_("a dare"), "desafio vocês, desafio você, desafiamos vocês", 3),
    hint("Challenge", N_("a dare to the audience"), "tenta não, tentem não, só 1%, só o 1%, 99% não, "
         "quantos você faz, quantas você faz, quantos vc faz, duvido, ninguém terminou, ninguém conseguiu, "
         "encara, quem encara, duvido que, aposto que você não, quem aguenta, você aguenta, aguenta quantos, "
         "quantos você consegue, quantas você consegue, será que você consegue, bate nosso, bate o nosso, "
         "bata nosso, supera nosso, supere nosso, bater o recorde, quem comer, quem terminar, se terminar, "
         "se comer tudo", 2),
    hint("Challenge", N_("the audience's turn"), "a vez de vcs, agora é com vcs, agora é a vez de vcs, "
         "toda vez que ver, toda vez que você ver, recria, recriem, recrie, posta com #..., postem com #..., "
         "usa a #..., usem a #..., com a hashtag, agora é a vez de vocês, a vez de vocês, agora é sua vez, "
         "agora é tua vez, sua vez, tua vez, agora é com vocês, faz a tua versão, faça sua versão, "
         "grava a tua versão, mostra tua versão, usa o nosso som, usa nosso som, use nosso som, "
         "usa esse som, usa esse áudio, usa o nosso áudio, testa e grava, testa e posta, grava e posta, "
         "tenta e posta, tenta e grava, postem", 2),
    hint("Challenge", N_("a trend or a dare"), "entra com a gente, tua versão, sua versão, quem chega primeiro, "
         "dança com a gente, dancem com a gente, a trend, essa trend, esse trend, nessa trend, trend da, "
         "trend do, agora vocês, tenta aí, tentem, dancinha, dança essa, dancem, quem vem junto, "
         "quem tá comigo, quem topa, topa, topam, não paga, nao paga, sai de graça", 1),
    # Mini game
    hint("Mini game", N_("a prize draw"), "sorteia, sorteiam, a gente sorteia, sorteado, sorteada, "
         "vamos sortear", 3),
    hint("Mini game", N_("a prize to win"), "premiação, ganhador, ganhadores, ganhadora, ganhadoras, vencedor, "
         "vencedora, vencedores, vencedoras, pra participar, concorra, concorre, concorrer, concorrendo, "
         "concorrem", 2),
    hint("Mini game", N_("a game to play"), "qual ... você é, qual ... vc é, pelo teu signo, pelo seu signo, "
         "caça ao, caça aos, escolhe um número, escolha um número, escolhe uma carta, adivinha, adivinhe, "
         "adivinhem, adivinhar, adivinhação, quem acertar, acerta quantos, acertem, quem chegar mais perto, "
         "o mais perto, quem achar, quem encontrar, o primeiro a, a primeira a, os primeiros a, acha o erro, "
         "ache o erro, encontre o erro, acha os erros, jogo dos 7 erros, jogo dos erros, ache as diferenças, "
         "acha as diferenças, complete a frase, completa a frase, roleta, gira a roleta, raspadinha, "
         "joguinho", 2),
    hint("Mini game", N_("a prize or how to enter"), "mais curtidas, mais likes, dinâmica, brincadeira, ganha, "
         "ganhe, ganhar, ganham, participe, o primeiro que, a primeira que, entre os comentários, "
         "entre quem comentar, comentários sorteados, marca 2, marca 3, marque 2, marque 3, marca um amigo, "
         "marca uma amiga, marque um amigo, marque uma amiga, marca duas, marca dois, marque duas, "
         "marque dois, marca os amigos, marque seus amigos", 1),
    # LIVE Q&A (never the bare LIVE words: the caption rules check those)
    hint("LIVE Q&A", N_("a broadcast"), "transmissão, transmissões, transmitindo, transmitir, vamos transmitir, "
         "a gente transmite, na transmissão", 1),
    hint("LIVE Q&A", N_("questions answered"), "respondemos todas as perguntas, tirando dúvidas, tirar dúvidas, "
         "tira dúvidas, tira-dúvidas, tiramos dúvidas, tirar suas dúvidas, manda tua dúvida, "
         "manda sua dúvida, mande sua dúvida, manda tua pergunta, manda sua pergunta, traz tua pergunta, "
         "traga sua pergunta, respondendo perguntas, respondendo suas perguntas, respondendo as perguntas, "
         "respondemos as perguntas, responde as perguntas, responde suas dúvidas, responde as dúvidas", 1),
    # Storytelling
    hint("Storytelling", N_("how the brand began"), "cresci, por isso faço, por isso fazemos, demos o nome, "
         "leva o nome de, em homenagem a, como passamos de, como a gente saiu de, o que aprendi, "
         "o que aprendemos, se chama assim, por isso se chama, nossa marca se chama, por isso o nome, "
         "quando começamos, assim começamos, assim começou tudo, foi assim que começamos, vem da minha, "
         "vem do meu, vem dos meus, vem da nossa família, comecei a, comecei vendendo, começamos vendendo, "
         "loja própria, quando abrimos, quando a gente começou, quando a gente abriu, quando comecei, "
         "quando abri, tudo começou, assim começou, assim nasceu, assim surgiu, foi assim que, daí nasceu, "
         "daí surgiu, daí nossos inícios, nosso começo, desde o início, desde o começo, nasceu no, "
         "nasceu na, nasceu em, nasceu de, nasceu como, começou no, começou na, começou em, começou como, "
         "fundada em, fundado em, larguei meu emprego, larguei tudo, pedi demissão, saí do emprego, "
         "quando eu era criança, quando era pequena, quando era pequeno, eu lembro quando, lembro quando, "
         "o nome vem, nosso nome, por que o nome, documentário, nosso documentário", 2),
    hint("Storytelling", N_("years gone by"), "há uma década, há décadas, há um ano, faz um ano, há ... anos, "
         "faz ... anos, ... anos depois, naquela época, naquele tempo, de geração em geração, "
         "herança de família, tradição de família, tradição familiar", 2),
    hint("Storytelling", N_("the family behind it"), "minha avó, meu avô, meus avós, minha bisavó, meu bisavô, "
         "minha mãe, meu pai, meus pais, minha tia, meu tio, nossa família, minha família", 1),
    hint("Storytelling", N_("a milestone looked back on"), "pequeno sonho, já tem ... anos, não foi fácil, "
         "primeiro ponto, primeira loja, empreendendo, anos empreendendo, a primeira vez que, meu primeiro, "
         "minha primeira, nosso primeiro, nossa primeira, completamos ... anos, completa ... anos, "
         "aos ... anos, sobrevivemos, a gente conseguiu, conseguimos, meu sonho, nosso sonho, "
         "primeira venda, primeiro cliente, em 197..., em 198..., em 199..., em 200..., em 201...", 1),
    hint("Storytelling", N_("a memory told"), "tinha, a gente vendia, a gente fazia, a gente tinha, eu vendia, "
         "eu fazia, eu tinha, fazíamos, tínhamos, trabalhávamos, sonhávamos", 1),
    # Behind the scenes
    hint("Behind the scenes", N_("the shop's own day"), "da próxima coleção, pra próxima coleção, "
         "a equipe ...ando, a equipe ...endo, o time ...ando, o time ...endo, nossa equipe ...ando, "
         "nossa equipe ...endo, isso ninguém vê, ninguém vê, nosso dia começa, meu dia começa, "
         "assim montamos, assim costuramos, assim embrulhamos, assim cozinhamos, últimos detalhes, "
         "antes da inauguração, um dia na vida, um dia comigo, um dia de trabalho, um dia normal, "
         "arruma comigo, se arruma comigo, arrume-se comigo, embala comigo, embala um pedido, embalando, "
         "embalamos, embalar pedidos, separando pedidos, montando pedidos, pedidos do dia, pedidos saindo, "
         "assim trabalhamos, tour pelo nosso, tour pela nossa, tour pelo ateliê, antes da loja abrir, "
         "depois de fechar, arrumando a loja, preparando a loja, montando a loja, processo de produção, "
         "processo de fabricação, depois do expediente, nosso processo, o processo de, todo o processo, "
         "assim preparamos, assim fazemos, assim a gente faz, assim produzimos, assim embalamos, "
         "antes da ... abrir, antes do ... abrir, o que ninguém vê, o que não aparece, o que vocês não veem, "
         "sessão de fotos, ensaio fotográfico, set de gravação, no set", 2),
    hint("Behind the scenes", N_("the work in progress"), "selecionando, carregando, separando, um ... qualquer, "
         "é assim que é, assim é um, um dia no, um dia na, um dia com, assamos, torramos, costuramos, "
         "tecemos, engarrafamos, nosso escritório, enchendo, testando receitas, testando sabores, "
         "respondendo mensagens, limpando, sovando, embrulhando, lacrando, assim ficou, nosso ateliê, "
         "nossa cozinha, nossa fábrica, o que rola na, o que rola no, o que acontece na, o que acontece no, "
         "fornada, produção, arrumando, fornadas, saindo do forno, assando, torrando, costurando, "
         "produzindo, montando, organizando, desembalando, descarregando, com a equipe, com o time, "
         "com minha equipe, com a nossa equipe, na torrefação, primeira fornada, primeira torra, "
         "primeiro lote, gravando, assim fica, é assim que fica, vem comigo, venham comigo, me acompanha, "
         "me acompanhem, no ateliê, na fábrica, da fábrica, na cozinha", 1),
    # Duet / Stitch / UGC
    hint("Duet / Stitch / UGC", N_("a duet or a repost"), "faz dueto, repostar, repostei", 3),
    hint("Duet / Stitch / UGC", N_("the customers' own photos or videos"), "fotos de vcs, vídeos de vcs, "
         "looks de vcs, o que vcs criam, o que vocês escreveram, vocês escreveram, nos mandou, nos mandaram, "
         "mandou pra gente, mandaram pra gente, que vocês mandaram, lendo avaliações, lendo as avaliações, "
         "avaliações lidas, respondendo tua pergunta, respondo tua pergunta, respondendo teu comentário, "
         "respondo teu comentário, mandem mais, manda mais, de vocês com a nossa, de vocês com o nosso, "
         "de vocês com as nossas, de vocês com os nossos, fotos de vocês, vídeos de vocês, looks de vocês, "
         "registros de vocês, cliques de vocês, suas fotos, seus vídeos, tuas fotos, teus vídeos, "
         "manda tua foto, manda teu vídeo, manda o teu, manda a tua, mande sua foto, mande seu vídeo, "
         "envie sua foto, envie seu vídeo, a gente posta, a gente reposta, reagindo, reagimos, reação a, "
         "reação ao, lendo comentários, lendo os comentários, respondendo comentários, "
         "respondendo os comentários, obrigada por compartilhar, obrigado por compartilhar, "
         "o que vocês criam, criações de vocês, feito por vocês, feitas por vocês, compilado dos, "
         "compilado de vocês, por marcarem a gente, por marcar a gente, obrigada por mandar, "
         "obrigado por mandar, continuem mandando, continuem enviando, continuem marcando", 2),
    hint("Duet / Stitch / UGC", N_("the brand tagged by its customers"), "mensagens de vocês, "
         "comentários de vocês, amamos ver vocês, a gente ama ver, vocês com o, vocês com a, "
         "avaliações de vocês, de uma cliente, de um cliente, das nossas clientes, dos nossos clientes, "
         "nossa cliente, marca a gente, marquem a gente, nos marca, nos marquem, marcando a gente", 1),
    hint("Duet / Stitch / UGC", N_("an answer to the audience's questions"), "vocês perguntaram, "
         "vcs perguntaram, me perguntaram, nos perguntaram", 1),
    # Collab
    hint("Collab", N_("a partner brand or guest"), "assumimos a conta, assumiu a conta, a gente assumiu a conta, "
         "em parceria, convidamos a @..., convidamos o @..., parceiro, parceira, parceiros, parceiras, "
         "nos juntamos, juntamos forças, unimos forças, em conjunto com, desenhamos junto, desenhado junto, "
         "desenhada junto, criamos junto, criado junto, criada junto, feito junto, feita junto, "
         "assinada por, assinado por, assinada pela, assinado pelo, desenhada por, desenhado por, "
         "desenhada pela, edição especial com, edição limitada com, cápsula com, participação especial, "
         "com participação de, participa desse vídeo, participa deste vídeo, convidado especial, "
         "convidada especial, nossa convidada, nosso convidado, apresentado por", 2),
    hint("Collab", N_("a guest"), "artistas locais, com uma ceramista, com um artista, com uma artista, "
         "com a ilustradora, com o ilustrador, com a chef, com o chef, com uma designer, com um designer, "
         "a chef do, a chef da, o chef do, o chef da, pop-up na, pop up na, pop-up no, pop up no, "
         "com a comunidade de, junto com a comunidade, convidada, fundação, associação, instituto, "
         "convidado", 1),
    # Product
    hint("Product", N_("something on sale"), "só restam, restam só, restam apenas, novo cardápio, cardápio novo, "
         "menu novo, novo menu, pré-venda, à venda, já à venda, repusemos, repomos, reposição, pré venda, "
         "esgotado, esgotada, esgotados, esgotadas, esgotou, esgotaram, esgotamos, esgotando, últimas peças, "
         "restam poucas, metade do preço, preço especial, em estoque, sem estoque, de volta ao estoque, "
         "coleção, coleções, nova coleção, novo sabor, novos sabores, nova edição, nova cor, novas cores, "
         "novidades, lançamos, acabamos de lançar, garanta o seu, garanta a sua, garanta já, peça o seu, "
         "peça a sua, peça já, faça seu pedido, faz teu pedido, encomendas abertas, pedidos abertos, "
         "promoção, promoções, desconto, descontos, cupom, liquidação, queima de estoque, "
         "edição limitada", 2),
    hint("Product", N_("something to buy or book"), "chega amanhã, pede hoje, peça hoje, a queridinha, "
         "o queridinho, o mais vendido, a mais vendida, por fatia, por quilo, resistente à água, "
         "à prova d'água, saiu o, saiu a, já saiu, saíram, agora em, agora também em, reserve já, "
         "reserve o seu, reserve a sua, reserve sua, reservas abertas, faça sua reserva, de volta, "
         "corram que, corre pra, disponível, saiu, acabou de sair, cores, disponíveis, chegou a, chegou o, "
         "chegaram os, chegaram as, acabou de chegar, estoque, voltou, voltaram, está de volta, "
         "estão de volta, tamanhos, numeração, frete, entrega, agende, agenda pelo, agenda já, pelo direct, "
         "chama no direct, por direct, link na bio, vagas, vagas limitadas, últimas vagas, inscreva-se, "
         "inscrições, da estação, preço, preços, pelo whatsapp, pelo zap, nas lojas, na loja, loja online, "
         "aula experimental, só até acabar, até acabar", 1),
    hint("LIVE Q&A", N_("a reminder for a broadcast"), "ativa o sininho, ative o sininho, ativem o sininho, "
         "ativa as notificações, ative as notificações", 2),
    hint("LIVE Q&A", N_("a broadcast"), "entramos no ar, estamos no ar, entrar no ar, bate-papo, bate papo, no tiktok, "
         "no nosso tiktok", 1),
]
# fmt: on
